package io.stompchat.message;

import java.util.List;

/**
 * A page of a room's history, always in ascending seq.
 *
 * @param messages the messages
 * @param hasMore whether more exist further in the direction of paging
 */
public record HistoryPage(List<MessageView> messages, boolean hasMore) {

}
