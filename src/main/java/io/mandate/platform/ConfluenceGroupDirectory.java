package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;

import java.util.List;

/**
 * {@link GroupDirectory} inside Confluence: only decision notifications expand groups, and they are
 * sent from Jira (see {@link ConfluenceMailer}). Refuses loudly instead of answering "no members".
 */
@ConfluenceComponent
public class ConfluenceGroupDirectory implements GroupDirectory {

    @Override
    public List<Person> membersOf(String group) {
        throw new UnsupportedOperationException("Mandate expands groups in Jira only; Confluence holds no decisions.");
    }
}
