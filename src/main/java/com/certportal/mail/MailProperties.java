package com.certportal.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every mail
 * @param supportAddress where R5 support revocation requests go
 * @param supportLanguage the language support reads
 * @param pollInterval how often the outbox is sent
 */
@ConfigurationProperties("certportal.mail")
public record MailProperties(
        @DefaultValue("no-reply@certportal.example") String from,
        @DefaultValue("support@certportal.example") String supportAddress,
        @DefaultValue("ja") String supportLanguage,
        @DefaultValue("10s") Duration pollInterval) {}
