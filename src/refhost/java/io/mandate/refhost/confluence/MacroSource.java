package io.mandate.refhost.confluence;

/** Macros a page can use: the plugin's xhtml-macros, or Confluence's own. */
public interface MacroSource {

    /** Whether this source has a macro of that name. */
    boolean has(String name);

    /**
     * Runs the macro (one {@link #has} said exists here) as the viewer of {@code context}.
     *
     * @return the macro's HTML
     * @throws MacroFailure when the macro failed; its message is shown where the macro would be
     */
    String execute(MacroCall call, RenderContext context) throws MacroFailure;

    /** A macro that could not render; the message is for the page's readers. */
    final class MacroFailure extends Exception {
        public MacroFailure(String message) {
            super(message);
        }
    }
}
