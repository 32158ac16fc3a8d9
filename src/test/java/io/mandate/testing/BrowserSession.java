package io.mandate.testing;

import org.junit.rules.TestRule;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;
import org.openqa.selenium.WebDriver;

import java.util.function.Consumer;

/**
 * A fresh headless browser for each test: started before, handed to the test, photographed as
 * {@code failed-<test>.png} when the test fails, and quit after (also after a failure).
 */
public final class BrowserSession implements TestRule {

    private final Consumer<WebDriver> onStart;

    /** @param onStart receives the started driver (e.g. to keep it in a field, or to install page hooks) */
    public BrowserSession(Consumer<WebDriver> onStart) {
        this.onStart = onStart;
    }

    @Override
    public Statement apply(Statement base, Description description) {
        return new Statement() {
            @Override
            public void evaluate() throws Throwable {
                WebDriver driver = Browser.start();
                try {
                    onStart.accept(driver);
                    base.evaluate();
                } catch (org.junit.AssumptionViolatedException skipped) {
                    throw skipped;
                } catch (Throwable failure) {
                    try {
                        Browser.screenshot(driver, "failed-" + description.getMethodName() + ".png");
                    } catch (RuntimeException ignored) {
                        // the test's own failure matters more
                    }
                    throw failure;
                } finally {
                    Browser.quit(driver);
                }
            }
        };
    }
}
