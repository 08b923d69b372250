package io.stompchat.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The application's HTTP security for {@code @WebMvcTest} slices: import it so a slice
 * answers 401, 403 and CSRF refusals as the running application does.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfig.class, LoginFailures.class })
@EnableConfigurationProperties(ChatProperties.class)
public class HttpSecuritySlice {

}
