-- Who is in which room, shared by every instance: one row per (STOMP session, user, room) joined and
-- not yet left. The instance that holds the session deletes its rows on LEAVE and on disconnect; any
-- instance deletes rows of sessions that no instance reports any more (a crashed instance).
create table room_presence (
    session_id varchar(255) not null,
    username   varchar(32)  not null,
    room_id    varchar(64)  not null,
    joined_at  timestamp(6) with time zone not null,
    constraint pk_room_presence primary key (session_id, username, room_id),
    constraint fk_room_presence_room foreign key (room_id) references rooms (id)
);

create index ix_room_presence_room on room_presence (room_id, username);
