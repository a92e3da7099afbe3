-- Cluster-safe recurring jobs (db-scheduler's table) on the embedded demo database.
create table scheduled_tasks (
    task_name            varchar(250) not null,
    task_instance        varchar(250) not null,
    task_data            bytea,
    execution_time       timestamp(6) with time zone not null,
    picked               boolean not null,
    picked_by            varchar(50),
    last_success         timestamp(6) with time zone,
    last_failure         timestamp(6) with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp(6) with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
