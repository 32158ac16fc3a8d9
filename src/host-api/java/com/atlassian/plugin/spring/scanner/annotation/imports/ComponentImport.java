// Checked against https://docs.atlassian.com/atlassian-spring-scanner-parent/2.1.8 (module list) and the decompiled atlassian-spring-scanner-annotation 2.x source:
// @Target({PARAMETER, ANNOTATION_TYPE, FIELD}) @Retention(RUNTIME), String value() default "".
package com.atlassian.plugin.spring.scanner.annotation.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a constructor parameter or field whose value is an OSGi service imported from the host or another plugin. */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComponentImport {
    String value() default "";
}
