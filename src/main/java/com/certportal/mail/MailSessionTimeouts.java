package com.certportal.mail;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * T2, issue 10: the SMTP session gives up on a server that does not answer. Without these timeouts
 * Jakarta Mail waits forever, and a server that accepts the connection and never says a word holds the
 * outbox sender for as long as that connection lives. Applied to the mail sender Spring Boot makes from
 * {@code spring.mail.*}, for plain SMTP and SMTPS alike, from {@code certportal.mail.*-timeout}; Jakarta
 * Mail's own keys, if given under {@code spring.mail.properties}, win.
 */
@Configuration(proxyBeanMethods = false)
class MailSessionTimeouts {

    @Bean
    static BeanPostProcessor mailSessionTimeoutsPostProcessor(ObjectProvider<MailProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    apply(properties.getObject(), sender);
                }
                return bean;
            }
        };
    }

    static void apply(MailProperties properties, JavaMailSenderImpl sender) {
        Properties session = sender.getJavaMailProperties();
        for (String protocol : List.of("smtp", "smtps")) {
            session.putIfAbsent("mail." + protocol + ".connectiontimeout", millis(properties.connectTimeout()));
            session.putIfAbsent("mail." + protocol + ".timeout", millis(properties.readTimeout()));
            session.putIfAbsent("mail." + protocol + ".writetimeout", millis(properties.writeTimeout()));
        }
        // Setting them again drops a session made before, so that the next mail uses these.
        sender.setJavaMailProperties(session);
    }

    private static String millis(Duration timeout) {
        return String.valueOf(timeout.toMillis());
    }
}
