package io.vncstream.viewer.ui;

import io.vncstream.terminal.log.LogAnnotations;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Consoles > Log settings...: typed input is off and the dialog says why; turned on, it is stored. */
class LogSettingsGuiTest extends DemoWindowTestBase {

    @Test
    void typedInputIsStoredOnlyOnceTheUserTurnsItOnInTheLogSettings() throws Exception {
        ConsoleTab serial = openConsole("serial0");
        typeLine("echo before-" + "on");
        await(() -> consoleText(serial).lines().anyMatch(l -> l.equals("before-on")), "the command ran");

        window.menuItem("menu.consoles").click();
        window.menuItem("menu.logSettings").click();
        DialogFixture dialog = window.dialog();
        javax.swing.JComponent inDialog = ((javax.swing.JDialog) dialog.target()).getRootPane();
        raise(inDialog);
        dialog.checkBox("log.recordInput").requireNotSelected();
        assertThat(dialog.label("log.recordInputNote").text()).contains("Off by default", "password");
        dialog.spinner("log.maxAgeDays").requireValue(30);
        dialog.spinner("log.maxTotalMiB").requireValue(500);
        dialog.checkBox("log.recordInput").check();
        OptionPanes.press(inDialog, () -> dialog.button(org.assertj.swing.core.matcher.JButtonMatcher.withText("OK")), "OK");
        awaitEdt(() -> app.logSettings().recordInput(), "the setting is saved");
        // Xvfb has no window manager to give the window the keyboard back: a click does.
        awaitSettled(serial.session().component());
        robot.click(serial.session().component());
        awaitEdt(() -> serial.session().component().isFocusOwner(), "the terminal has the keyboard");
        typeLine("echo after-" + "on");
        await(() -> consoleText(serial).lines().anyMatch(l -> l.equals("after-on")), "the command ran");

        serial.session().sessionLog().flush();
        String log = Files.readString(serial.session().log(), StandardCharsets.ISO_8859_1);
        String marked = new String(LogAnnotations.encode(LogAnnotations.SENT, "e".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII);
        // Typing is sent key by key: before the setting, no key of "echo before-on" was stored.
        int firstSent = log.indexOf(marked);
        assertThat(firstSent).as("typed input stored after turning it on").isGreaterThan(log.indexOf("before-on\r\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(serial.session().log())))
                .isEqualTo("rw-------");
    }
}
