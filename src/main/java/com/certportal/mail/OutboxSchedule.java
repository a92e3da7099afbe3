package com.certportal.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the outbox every `certportal.mail.poll-interval`; tests switch it off and send on demand. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "certportal.mail.scheduling", havingValue = "true", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxSender sender;

    OutboxSchedule(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${certportal.mail.poll-interval:10s}", initialDelayString = "5s")
    void sendDue() {
        sender.sendDue();
    }
}
