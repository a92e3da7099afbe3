package com.certportal.scheduling;

import java.time.Duration;

/**
 * Work the portal does on its own, again and again (send the outbox, re-check validations, revoke
 * superseded certificates, regenerate CRLs, send reminders). Whatever the number of instances, one
 * of them runs a given job at a time (db-scheduler picks it with a row lock); each run must also be
 * safe to repeat, since a run that dies half-way is picked again.
 */
public interface RecurringJob {

    /** The longest a due run waits before an instance picks it (the scheduler's polling interval). */
    Duration POLLING_INTERVAL = Duration.ofSeconds(5);

    /** A stable name: the job's row in the scheduler's table. */
    String name();

    /** The pause between the end of one run and the start of the next. */
    Duration every();

    void run();
}
