/*
 * Modal dialogs on <dialog>: Esc and the close buttons close them, and the focus goes back to
 * the button that opened them.
 */

/** Wires a <dialog>: every [data-close] button inside closes it; returns open(opener) and close(). */
export function modalDialog(dialog, onOpen) {
	let opener = null;

	dialog.addEventListener('close', () => {
		if (opener && document.body.contains(opener)) {
			opener.focus();
		}
		opener = null;
	});
	dialog.querySelectorAll('[data-close]').forEach((button) => {
		button.addEventListener('click', () => {
			dialog.close();
		});
	});

	return {
		/** Shows the dialog over the page; opener gets the focus back when it closes. */
		open(from) {
			opener = from || document.activeElement;
			if (onOpen) {
				onOpen();
			}
			dialog.showModal();
			const first = dialog.querySelector('[autofocus]') || dialog.querySelector('input, button');
			if (first) {
				first.focus();
			}
		},
		close() {
			dialog.close();
		}
	};
}
