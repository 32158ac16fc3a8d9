package io.mandate.platform;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.MailQueue;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.plugin.spring.scanner.annotation.imports.JiraImport;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;

import javax.inject.Inject;

/**
 * {@link Mailer} over Jira's mail queue: the message goes out with Jira's configured SMTP server and
 * sender address, like Jira's own notifications. The sender is left to Jira on purpose.
 */
@JiraComponent
public class JiraMailer implements Mailer {

    private final MailQueue mailQueue;

    @Inject
    public JiraMailer(@JiraImport MailQueue mailQueue) {
        this.mailQueue = mailQueue;
    }

    @Override
    public void send(String toAddress, String subject, String plainTextBody) {
        Email email = new Email(toAddress);
        email.setSubject(subject);
        email.setBody(plainTextBody);
        email.setMimeType("text/plain");
        mailQueue.addItem(new SingleMailQueueItem(email));
    }
}
