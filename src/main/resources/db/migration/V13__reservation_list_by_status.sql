-- The list by status (GET /api/reservas?estado=…, the dashboard's tabs) reads its page straight off
-- this index, newest first, whatever share of the reservations that status holds (issue 13). It also
-- answers every «status = …» lookup the plain status index answered, so that one goes.
CREATE INDEX reservation_status_created_idx ON reservation (status, created_at DESC, id DESC);
DROP INDEX reservation_status_idx;
