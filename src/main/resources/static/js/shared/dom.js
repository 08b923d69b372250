/*
 * Building the page's elements. Every user value reaches the page through textContent,
 * never as markup.
 */

/** Creates an element with a class and optional text (always as text, never as markup). */
export function el(tag, className, text) {
	const node = document.createElement(tag);
	if (className) {
		node.className = className;
	}
	if (text !== undefined && text !== null) {
		node.textContent = text;
	}
	return node;
}
