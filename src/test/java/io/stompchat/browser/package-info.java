/**
 * The pages in a real browser: Selenium drives Debian's {@code chromium} through its
 * {@code chromium-driver} (never a downloaded browser or driver), headless, against the
 * whole application on a random port.
 *
 * <ul>
 * <li>{@code RoomBrowserTests}: two people chatting, one on native WebSocket and one on
 * forced SockJS xhr-polling (and xhr-streaming, eventsource); markup shown as text and
 * never run; a reload shows the history once; a network drop loses and doubles nothing;
 * scrolling up loads earlier pages; a refused message; Leave.</li>
 * <li>{@code LobbyBrowserTests}: previews, unread and online counts, order, the
 * create-room form and its errors, the read marker.</li>
 * <li>{@code LanguageAndLayoutBrowserTests}: {@code Accept-Language: ko} on a 390 px wide
 * window, light and dark, with no sideways scrolling.</li>
 * </ul>
 *
 * Run them alone with {@code ./mvnw verify -Dtest='*BrowserTests'}. Where Chromium is not
 * installed they are skipped with the command that installs it (under CI,
 * {@code CI=true}, they fail instead). Screenshots land in {@code target/screenshots};
 * the README's lobby and room pictures are refreshed only on request:
 * {@code ./mvnw verify -Dtest='*BrowserTests' -Dscreenshots.docs=docs/screenshots}.
 */
package io.stompchat.browser;
