package com.certportal.reminder;

import com.certportal.scheduling.RecurringJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * K8: writes the due expiry reminders every `certportal.reminders.every` (an hour by default: the
 * thresholds are days apart); tests run it on demand.
 */
@Component
class ExpiryReminderJob implements RecurringJob {

    private final ExpiryReminders reminders;
    private final Duration every;

    ExpiryReminderJob(ExpiryReminders reminders, @Value("${certportal.reminders.every:1h}") Duration every) {
        this.reminders = reminders;
        this.every = every;
    }

    @Override
    public String name() {
        return "expiry-reminders";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        reminders.sendDue();
    }
}
