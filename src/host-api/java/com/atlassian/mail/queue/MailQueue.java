// Checked against https://docs.atlassian.com/atlassian-mail/1.24/xref/com/atlassian/mail/queue/MailQueue.html
// (and the 1.3.23 javadoc of the same interface): void addItem(MailQueueItem). Only that member is declared; the real
// interface also has sendBuffer(), size(), errorSize(), addErrorItem(..), getQueue(), getErrorQueue(), isSending(),
// getSendingStarted(), getItemBeingSent(), emptyErrorQueue(), resendErrorQueue(), unstickQueue().
// unverified: the Jira 10 (atlassian-mail 8.x) version of the page was not retrievable; addItem is unchanged since 1.x.
package com.atlassian.mail.queue;

/** Jira's outgoing mail queue: items added here are sent asynchronously by Jira's mail job. */
public interface MailQueue {
    void addItem(MailQueueItem item);
}
