package com.certportal.support;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What the mail tests read of a message the test SMTP server (GreenMail) received. */
public final class ReceivedMail {

    private ReceivedMail() {}

    /** The messages among {@code received} addressed to {@code address}. */
    public static List<MimeMessage> to(String address, MimeMessage... received) {
        return Arrays.stream(received)
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    public static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Address::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
