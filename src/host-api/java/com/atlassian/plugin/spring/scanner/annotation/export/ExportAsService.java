// Checked against https://docs.atlassian.com/atlassian-spring-scanner-parent/2.1.8 (module list) and the decompiled atlassian-spring-scanner-annotation 2.x source:
// @Target({TYPE, FIELD}) @Retention(RUNTIME), Class<?>[] value() default {}.
// The real annotation also has ServiceProperty[] properties() default {}; omitted (would need ServiceProperty).
package com.atlassian.plugin.spring.scanner.annotation.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a component to be exported as an OSGi service under the given interfaces. */
@Target({ElementType.TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ExportAsService {
    Class<?>[] value() default {};
}
