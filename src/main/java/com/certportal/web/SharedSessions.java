package com.certportal.web;

import com.certportal.scheduling.RecurringJob;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Issue 10: sessions live in the database (Spring Session JDBC, tables by Flyway), so every instance
 * behind the load balancer sees the same sessions: a member signed in through one is signed in on
 * all, and its CSRF token, its bookmarked page before sign-in and the message after an action follow
 * it. The cookie keeps the server.servlet.session.cookie settings (name, HttpOnly, SameSite, Secure in
 * production). M1 needs nothing here: {@link MemberSessionFilter} checks the member in the database on
 * every request, whichever instance serves it.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions implements BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(SharedSessions.class);

    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Session attributes are Java-serialized. A stored attribute this version cannot read (written by an
     * older release during a rolling upgrade, or by a library whose classes changed) is treated as
     * absent: its member signs in again, rather than every page answering 500 until the session expires.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> tolerantSessionAttributes() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, new Tolerant(new DeserializingConverter(classLoader)));
        return repository -> repository.setConversionService(conversions);
    }

    /**
     * Expired sessions are deleted by one instance at a time under db-scheduler, like every other job,
     * instead of Spring Session's own timer on every instance (spring.session.jdbc.cleanup-cron=-).
     */
    @Bean
    SessionCleanup sessionCleanup(JdbcIndexedSessionRepository sessions) {
        return new SessionCleanup(sessions);
    }

    /**
     * Expired sessions are deleted by one instance at a time under db-scheduler, like every other job,
     * instead of by Spring Session's own timer on every instance (spring.session.jdbc.cleanup-cron=-).
     */
    static final class SessionCleanup implements RecurringJob {

        private final JdbcIndexedSessionRepository sessions;

        SessionCleanup(JdbcIndexedSessionRepository sessions) {
            this.sessions = sessions;
        }

        @Override
        public String name() {
            return "session-cleanup";
        }

        @Override
        public Duration every() {
            return Duration.ofMinutes(1);
        }

        @Override
        public void run() {
            sessions.cleanUpExpiredSessions();
        }
    }

    private record Tolerant(DeserializingConverter reader) implements Converter<byte[], Object> {

        @Override
        public Object convert(byte[] stored) {
            try {
                return reader.convert(stored);
            } catch (RuntimeException unreadable) {
                log.info(
                        "A stored session attribute cannot be read by this version; it is dropped: {}",
                        unreadable.getMessage());
                return null;
            }
        }
    }
}
