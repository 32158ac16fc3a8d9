// Checked against https://docs.atlassian.com/atlassian-spring-scanner-parent/2.1.8 (module list) and atlassian-spring-scanner-annotation source
// (@Target({TYPE, PARAMETER}) @Retention(RUNTIME), String value() default "").
// unverified: the real annotation is meta-annotated with org.springframework.stereotype.@Component in 1.x sources;
// whether 2.x keeps it is unverified, and it is omitted here (Spring is not on this compile classpath).
package com.atlassian.plugin.spring.scanner.annotation.component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a component that the scanner registers only when running in JIRA. */
@Target({ElementType.TYPE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface JiraComponent {
    String value() default "";
}
