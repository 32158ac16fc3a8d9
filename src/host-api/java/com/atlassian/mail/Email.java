// Checked against https://docs.atlassian.com/atlassian-mail/1.3.23/com/atlassian/mail/Email.html and
// https://docs.atlassian.com/atlassian-mail/1.9/apidocs/com/atlassian/mail/class-use/Email.html: constructor Email(String to);
// setters return Email (fluent), getters return String. Only the members the plugin and the reference host use are
// declared; the real class also has cc/bcc, from name, reply-to, headers, encoding and multipart. Trivial faithful
// bean (the real one is a plain bean too, plus default headers). unverified: the Jira 10 (atlassian-mail 8.x) page.
package com.atlassian.mail;

/** An e-mail message: recipients, subject, body and MIME type. */
public class Email {
    private String to;
    private String from;
    private String subject;
    private String body;
    private String mimeType = "text/plain";

    public Email(String to) {
        this.to = to;
    }

    public String getTo() {
        return to;
    }

    public Email setTo(String to) {
        this.to = to;
        return this;
    }

    public String getFrom() {
        return from;
    }

    public Email setFrom(String from) {
        this.from = from;
        return this;
    }

    public String getSubject() {
        return subject;
    }

    public Email setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public String getBody() {
        return body;
    }

    public Email setBody(String body) {
        this.body = body;
        return this;
    }

    public String getMimeType() {
        return mimeType;
    }

    public Email setMimeType(String mimeType) {
        this.mimeType = mimeType;
        return this;
    }
}
