package io.github.camelrocketchat.springboot;

import io.github.camelrocketchat.RocketChatComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Binds {@code camel.component.<name>.*} from the Spring environment onto a Rocket.Chat component as it is added to
 * the CamelContext, through the component's generated configurer, in Spring's relaxed forms: {@code server-url},
 * {@code serverUrl} and the environment variable {@code CAMEL_COMPONENT_ROCKETCHAT_SERVERURL}. Values are resolved by
 * Spring (placeholders work); an unknown option fails the start and is named, its value never shown.
 */
public final class SpringComponentProperties implements ComponentCustomizer {
    private final Environment environment;

    public SpringComponentProperties(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof RocketChatComponent;
    }

    @Override
    public void configure(String name, Component target) {
        Map<String, Object> options = options(name);
        if (options.isEmpty()) {
            return;
        }
        Map<String, Object> left = new LinkedHashMap<>(options);
        PropertyBindingSupport.build().withCamelContext(target.getCamelContext()).withTarget(target)
                .withConfigurer(target.getComponentPropertyConfigurer()).withProperties(left).withRemoveParameters(true)
                .withIgnoreCase(true).withReflection(false).bind();
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + new TreeSet<>(left.keySet()) + " under camel.component."
                    + name + " for the Rocket.Chat component (see its component options)");
        }
    }

    /** The options under {@code camel.component.<name>.}, as camelCase names with their resolved values. */
    private Map<String, Object> options(String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(environment instanceof ConfigurableEnvironment env)) {
            return out;
        }
        String prefix = "camel.component." + name + ".";
        String envPrefix = "CAMEL_COMPONENT_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        for (PropertySource<?> source : env.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String key : enumerable.getPropertyNames()) {
                String option = null;
                if (key.startsWith(prefix)) {
                    option = StringHelper.dashToCamelCase(key.substring(prefix.length()));
                } else if (key.startsWith(envPrefix)) {
                    option = StringHelper.dashToCamelCase(key.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
                if (option != null && !option.equals("enabled") && !out.containsKey(option)) {
                    // the first source wins, as in Spring: sources are in precedence order
                    out.put(option, env.getProperty(key));
                }
            }
        }
        return out;
    }
}
