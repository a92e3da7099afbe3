package com.certportal.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every mail; its domain is also the right-hand side of every Message-ID
 * @param supportAddress where R5 support revocation requests go
 * @param supportLanguage the language support reads
 * @param pollInterval how often the outbox is sent
 * @param connectTimeout how long the SMTP connection may take to open
 * @param readTimeout how long the SMTP server may take to answer (its greeting, each command, the end
 *     of a mail); a server that accepts the connection and says nothing costs this long, once per run
 * @param writeTimeout how long writing a mail to the SMTP server may take
 */
@ConfigurationProperties("certportal.mail")
public record MailProperties(
        @DefaultValue("no-reply@certportal.example") String from,
        @DefaultValue("support@certportal.example") String supportAddress,
        @DefaultValue("ja") String supportLanguage,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("10s") Duration writeTimeout) {}
