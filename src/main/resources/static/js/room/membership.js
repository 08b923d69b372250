/*
 * Am I a member of this room? GET /api/rooms/{id} and the member list decide: a member gets the
 * composer; a reader of a PUBLIC room they have not joined gets a "Join" button instead
 * (POST /api/rooms/{id}/members with my name); a member who is removed is told so and can no
 * longer write. A DIRECT room is titled with the other person's name and has no Leave.
 */
import { api } from '../shared/http.js';
import { problemText, t } from '../shared/i18n.js';

/**
 * view: {title, leaveButton, joinBar, joinButton, composer, removed, removedText};
 * roster: the member list; hooks: {changed() (member or not), joined(), retitled(title), notice(text)}.
 */
export function createMembership(view, roomId, me, roster, hooks) {
	let room = null;
	let member = false;
	let removed = false;

	function apply() {
		const kind = room ? room.kind : null;
		view.joinBar.hidden = member || removed || kind !== 'PUBLIC';
		view.composer.hidden = !member;
		view.leaveButton.hidden = !member || removed || kind === 'DIRECT';
		view.removed.hidden = !removed;
		roster.setContext(kind, member && !removed);
		hooks.changed();
	}

	const ready = Promise.all([api('GET', '/api/rooms/' + encodeURIComponent(roomId)), roster.load()])
		.then(([answer, members]) => {
			room = answer;
			member = members.some((each) => each.username === me);
			if (room.kind === 'DIRECT' && room.with) {
				view.title.textContent = room.with;
				hooks.retitled(room.with);
			}
			document.getElementById('main').dataset.kind = room.kind;
			apply();
		});
	ready.catch(() => {
		// the page says so once connected (room.js)
	});

	view.joinButton.addEventListener('click', () => {
		view.joinButton.disabled = true;
		api('POST', '/api/rooms/' + encodeURIComponent(roomId) + '/members', { username: me }).catch((error) => {
			if (error.status !== 409) {
				throw error;
			}
		}).then(() => {
			member = true;
			apply();
			hooks.joined();
			roster.changed();
		}).catch((error) => {
			view.joinButton.disabled = false;
			hooks.notice(problemText(error));
		});
	});

	return {
		/** Resolved once it is known whether I am a member (rejected when the room cannot be read). */
		ready: ready,

		/** I may write: a member who was not removed. */
		canWrite() {
			return member && !removed;
		},

		/** The server answered 403 not_a_member: I am a reader of a public room, not a member. */
		notMember() {
			if (member && !removed) {
				member = false;
				apply();
			}
		},

		/** I was removed from the room (by: who did it, or null). */
		removed(by) {
			if (removed) {
				return;
			}
			removed = true;
			member = false;
			view.removedText.textContent = by ? t('removedBy', by) : t('removedYou');
			apply();
			view.removed.focus();
		}
	};
}
