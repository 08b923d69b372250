package io.stompchat.message;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The current reactions of CHAT lines.
 */
interface MessageReactions extends Repository<MessageReaction, Long> {

	MessageReaction save(MessageReaction reaction);

	List<MessageReaction> findByMessageIdInOrderByIdAsc(Collection<Long> messageIds);

	/**
	 * The reactions of a room's lines in a seq range, with a query whose plan is kept (an
	 * {@code in} list of ids is planned again on every call).
	 * @param roomId the room
	 * @param fromSeq the first seq
	 * @param toSeq the last seq
	 * @return the reactions, oldest first
	 */
	@Query("select r from MessageReaction r where r.messageId in (select m.id from ChatMessage m"
			+ " where m.roomId = :roomId and m.seq between :fromSeq and :toSeq) order by r.id")
	List<MessageReaction> findInRoom(String roomId, long fromSeq, long toSeq);

	/**
	 * The reactions on the latest line of each room a user is a member of
	 * ({@link Messages#findLatestOfMember}), in the order they were made.
	 * @param username the user
	 * @return the reactions
	 */
	@Query(value = "select x.* from room_members mm join rooms r on r.id = mm.room_id"
			+ " join messages m on m.room_id = r.id and m.seq = r.last_line_seq"
			+ " join message_reactions x on x.message_id = m.id where mm.username = :username order by x.id",
			nativeQuery = true)
	List<MessageReaction> findOnLatestOfMember(String username);

	@Modifying(flushAutomatically = true)
	@Query("delete from MessageReaction r where r.messageId = :messageId and r.emoji = :emoji"
			+ " and r.username = :username")
	int deleteOne(long messageId, String emoji, String username);

	@Modifying(flushAutomatically = true)
	@Query("delete from MessageReaction r where r.messageId = :messageId")
	int deleteAllOf(long messageId);

	@Query("select count(distinct r.emoji) from MessageReaction r where r.messageId = :messageId")
	long countEmoji(long messageId);

	boolean existsByMessageIdAndEmoji(long messageId, String emoji);

}
