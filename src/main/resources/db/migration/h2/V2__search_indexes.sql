-- L2 on the embedded demo database: H2 has no trigram indexes; a plain index on the common name
-- keeps the version numbers the same as on PostgreSQL.
create index certificate_order_common_name on certificate_order (common_name);
