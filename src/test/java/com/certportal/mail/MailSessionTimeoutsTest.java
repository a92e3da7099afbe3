package com.certportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** T2, issue 10: the SMTP session has connect, read and write timeouts, unless configured otherwise. */
class MailSessionTimeoutsTest {

    @Test
    void withNothingConfiguredTheSessionGivesUpAfterSecondsOnPlainSmtpAndSmtps_T2() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();

        MailSessionTimeouts.apply(properties(Map.of()), sender);

        Properties session = sender.getJavaMailProperties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            assertThat(session)
                    .containsEntry("mail." + protocol + ".connectiontimeout", "5000")
                    .containsEntry("mail." + protocol + ".timeout", "10000")
                    .containsEntry("mail." + protocol + ".writetimeout", "10000");
        }
    }

    @Test
    void productionSetsTheTimeoutsAsDurations_T2() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();

        MailSessionTimeouts.apply(
                properties(Map.of(
                        "certportal.mail.connect-timeout", "2s",
                        "certportal.mail.read-timeout", "1m",
                        "certportal.mail.write-timeout", "1500ms")),
                sender);

        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "2000")
                .containsEntry("mail.smtps.timeout", "60000")
                .containsEntry("mail.smtp.writetimeout", "1500");
    }

    @Test
    void jakartaMailsOwnKeysUnderSpringMailPropertiesWin_T2() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Properties given = new Properties();
        given.setProperty("mail.smtp.timeout", "30000");
        sender.setJavaMailProperties(given);

        MailSessionTimeouts.apply(properties(Map.of()), sender);

        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.timeout", "30000")
                .containsEntry("mail.smtp.connectiontimeout", "5000");
    }

    private static MailProperties properties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("certportal.mail", MailProperties.class);
    }
}
