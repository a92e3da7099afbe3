-- K4 on PostgreSQL: at most one reissue waits per order, even if two submissions race (the order's
-- version already lets only one of them commit; this is the database's own word on it).
create unique index reissue_one_waiting on reissue (order_id) where status = 'WAITING';
