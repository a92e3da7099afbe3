package com.certportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CertPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(CertPortalApplication.class, args);
    }
}
