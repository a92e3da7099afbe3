package com.certportal.support;

import com.certportal.CertPortalApplication;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * One running instance of the portal for the multi-instance tests: the whole application on a random
 * port, with its own Spring context, connection pool, scheduler and caches, configured as production
 * would configure it (settings as command-line arguments), plus {@link Fixtures} and a clock the test
 * holds (one clock shared by every instance, as one wall clock is in production).
 */
public final class AppInstance implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;
    private final int port;

    private AppInstance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /**
     * Starts one instance per name at the same moment, as `docker compose up` starts them, and returns
     * them once all have started. Logging belongs to the JVM, not to an instance: it is set up once here,
     * and the instances are told to leave it alone (two applications setting it up at once in one JVM
     * would each add their appenders).
     */
    public static List<AppInstance> startTogether(List<String> names, MutableClock clock, Map<String, String> settings)
            throws Exception {
        LoggingSystem logging = LoggingSystem.get(AppInstance.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
        String before = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        ExecutorService starters = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<AppInstance>> starting = names.stream()
                    .map(name -> starters.submit(() -> start(name, clock, settings)))
                    .toList();
            List<AppInstance> started = new ArrayList<>();
            for (Future<AppInstance> instance : starting) {
                started.add(instance.get(5, TimeUnit.MINUTES));
            }
            return started;
        } finally {
            starters.shutdownNow();
            if (before == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, before);
            }
        }
    }

    private static AppInstance start(String name, MutableClock clock, Map<String, String> settings) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        arguments.add("--spring.application.name=" + name);
        arguments.add("--spring.main.banner-mode=off");
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        CertPortalApplication.class, Fixtures.class)
                .initializers(applicationContext -> ((GenericApplicationContext) applicationContext)
                        .registerBean(
                                "sharedTestClock", MutableClock.class, () -> clock, bean -> bean.setPrimary(true)))
                .run(arguments.toArray(String[]::new));
        return new AppInstance(name, context);
    }

    public String name() {
        return name;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> Collection<T> beansOf(Class<T> type) {
        return context.getBeansOfType(type).values();
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return name + " (port " + port + ")";
    }
}
