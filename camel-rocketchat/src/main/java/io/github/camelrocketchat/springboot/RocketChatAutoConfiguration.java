package io.github.camelrocketchat.springboot;

import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration, active only in an application with Camel Spring Boot: Camel Spring Boot binds
 * {@code camel.component.<name>.*} only for components that ship a starter, so this binds the Rocket.Chat component's
 * options from the Spring environment (see {@link SpringComponentProperties}). Without Spring Boot on the classpath
 * nothing here is loaded.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.camel.spring.boot.CamelAutoConfiguration")
public class RocketChatAutoConfiguration {

    /** A component customizer: Camel applies every one in its registry when a component is added. */
    @Bean
    public static ComponentCustomizer rocketChatComponentProperties(Environment environment) {
        return new SpringComponentProperties(environment);
    }
}
