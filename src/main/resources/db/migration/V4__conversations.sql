-- Conversations: a room has a kind, members with a role, and a direct room exists once per pair.
-- One migration set for H2 and PostgreSQL: keep to the SQL both understand.

-- PUBLIC (in the directory, anyone reads and joins), PRIVATE (members only), DIRECT (two members)
alter table rooms add column kind varchar(8) default 'PUBLIC' not null;
-- the pair of a DIRECT room (see io.stompchat.member.DirectPair): unique, so two concurrent
-- first calls on two instances give one room
alter table rooms add column direct_key varchar(80);
alter table rooms add constraint uk_rooms_direct_key unique (direct_key);
-- names are unique among PUBLIC rooms only: a private group's name must not reveal another's
alter table rooms alter column name_key drop not null;
update rooms set name_key = null where kind <> 'PUBLIC';

-- who added or removed the member of a JOIN or LEAVE line, when it was someone else
alter table messages add column by_username varchar(32);

create table room_members (
    room_id   varchar(64) not null,
    username  varchar(32) not null,
    -- OWNER (one per room at most) or MEMBER
    role      varchar(8)  not null,
    -- when this membership started: the longest-standing member takes over from a leaving owner
    joined_at timestamp(6) with time zone not null,
    constraint pk_room_members primary key (room_id, username),
    constraint fk_room_members_room foreign key (room_id) references rooms (id)
);

create index ix_room_members_user on room_members (username, room_id);

-- Existing data. Every user whose last JOIN or LEAVE line in a room is a JOIN is its member
-- since that JOIN.
insert into room_members (room_id, username, role, joined_at)
select m.room_id, a.username, 'MEMBER', m.sent_at
from messages m join accounts a on a.username = m.sender
where m.type = 'JOIN'
  and m.seq = (select max(l.seq) from messages l
               where l.room_id = m.room_id and l.sender = m.sender and l.type in ('JOIN', 'LEAVE'));

-- Every existing account is a member of general, since its sign-up when it never joined it.
insert into room_members (room_id, username, role, joined_at)
select r.id, a.username, 'MEMBER', a.created_at
from rooms r cross join accounts a
where r.id = 'general'
  and not exists (select 1 from room_members rm where rm.room_id = r.id and rm.username = a.username);

-- The creators of existing rooms were never recorded: the longest-standing member of each room
-- but general becomes its owner, as if the creator had left.
update room_members set role = 'OWNER'
where room_id <> 'general'
  and username = (select min(o.username) from room_members o
                  where o.room_id = room_members.room_id
                    and o.joined_at = (select min(f.joined_at) from room_members f
                                       where f.room_id = room_members.room_id));

-- A member's read marker starts when their membership starts; existing markers stay as they are.
insert into read_markers (room_id, username, seq)
select rm.room_id, rm.username,
       coalesce((select max(m.seq) from messages m
                 where m.room_id = rm.room_id and m.sender = rm.username and m.type = 'JOIN'), r.last_seq)
from room_members rm join rooms r on r.id = rm.room_id
where not exists (select 1 from read_markers k where k.room_id = rm.room_id and k.username = rm.username);
