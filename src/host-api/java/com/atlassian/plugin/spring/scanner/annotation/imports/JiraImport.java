// Checked against https://docs.atlassian.com/atlassian-spring-scanner/ (annotation package
// com.atlassian.plugin.spring.scanner.annotation.imports: ComponentImport, JiraImport, ConfluenceImport, ...);
// targets and retention as ComponentImport's. unverified: element list beyond value().
package com.atlassian.plugin.spring.scanner.annotation.imports;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Imports an OSGi service that only Jira provides; the import exists only when running in Jira. */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JiraImport {
    String value() default "";
}
