package io.mandate.platform.rest;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A user-facing text as an i18n key with its arguments, so services can say what is wrong without
 * knowing the caller's language; {@link ApiExceptionMapper} renders it in that language. Arguments
 * are text (numbers are passed as text so no locale groups their digits).
 */
public record Message(String key, List<String> args) implements Serializable {

    private static final String BUNDLE = "i18n.mandate";

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The English text (the base bundle): for logs, exception messages and tests. */
    public String english() {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Message.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(args.toArray());
    }

    public Serializable[] arguments() {
        return args.toArray(new Serializable[0]);
    }

    @Override
    public String toString() {
        return english();
    }
}
