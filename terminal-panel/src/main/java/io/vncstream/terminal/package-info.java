/**
 * A terminal per byte stream, with its log. This module knows nothing of RFB: a host gives it
 * a device's output bytes and a {@link io.vncstream.terminal.ByteSink} for its input.
 *
 * <p>How a host (viewer-app) uses it, for each console stream it opens:
 * <pre>{@code
 * TerminalSession session = new TerminalSession(deviceName, TerminalOptions.defaults());
 * session.attach(bytes -> stream.write(bytes));       // input: keys, paste, drops, answers
 * // on the network reader thread, never blocking it:
 * session.accept(buffer, 0, count);
 * tabs.addTab(deviceName, session.view());            // event thread
 * TerminalTabs.installLogDrag(tabs);                   // once per JTabbedPane: drag a tab = its log file
 *
 * session.streamEnded("connection reset");             // the tab says so, keeps its contents
 * session.reconnect(bytes -> newStream.write(bytes),   // same device, new stream: scrollback kept,
 *         "reconnected; output in between may be lost"); // the gap marked by a line of its own
 * session.close();                                      // when the tab closes
 * }</pre>
 *
 * <p>The log ({@link io.vncstream.terminal.TerminalSession#log()}) is a file in the user's state
 * directory named {@code <device>-<yyyyMMdd-HHmmss>.log} holding every byte received, with
 * sent input and host notes marked. For a drag source of its own the host can use
 * {@link io.vncstream.terminal.TerminalSession#logTransferable()} (a plain-text file behind
 * {@code javaFileListFlavor}, and the text) or
 * {@link io.vncstream.terminal.swing.TerminalView#logTransferHandler()} with
 * {@link io.vncstream.terminal.dnd.LogDragGesture}.
 *
 * <p>Try it by hand: {@code mvn -o -q -B -pl terminal-panel -am test -DskipTests -Pdemo}.
 */
package io.vncstream.terminal;
