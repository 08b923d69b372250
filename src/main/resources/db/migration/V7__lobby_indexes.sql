-- The lobby (GET /api/rooms) reads one user's read markers: by user, so that its unread counts
-- start from that user's markers (then each room's messages after the marker, on
-- uk_messages_room_seq) and never scan every message. One migration set for H2 and PostgreSQL.
create index ix_read_markers_user on read_markers (username, room_id, seq);
