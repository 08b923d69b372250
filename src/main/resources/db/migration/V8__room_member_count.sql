-- How many members a room has, kept by the member module in the transaction that adds or removes
-- one (under the room's row lock), so that the lobby reads it instead of counting room_members of
-- every room at every request. One migration set for H2 and PostgreSQL.
alter table rooms add column member_count bigint default 0 not null;
update rooms set member_count = (select count(*) from room_members m where m.room_id = rooms.id);
