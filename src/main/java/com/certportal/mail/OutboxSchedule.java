package com.certportal.mail;

import com.certportal.scheduling.RecurringJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** T2: sends the outbox every `certportal.mail.poll-interval`; tests send it on demand. */
@Component
class OutboxSchedule implements RecurringJob {

    private final OutboxSender sender;
    private final Duration every;

    OutboxSchedule(OutboxSender sender, @Value("${certportal.mail.poll-interval:10s}") Duration every) {
        this.sender = sender;
        this.every = every;
    }

    @Override
    public String name() {
        return "outbox-sender";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        sender.sendDue();
    }
}
