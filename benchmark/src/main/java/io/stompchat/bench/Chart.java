package io.stompchat.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The PNG: latency percentiles (log scale) against delivered messages per second, drawn with
 * java.awt in headless mode; one line per series, labelled points for the peers.
 */
final class Chart {

	/** One line or point set: x delivered/s, y latency in ms. */
	record Series(String name, Color color, List<double[]> points, boolean line) {
	}

	private static final int W = 900;

	private static final int H = 560;

	private static final int LEFT = 80;

	private static final int RIGHT = 220;

	private static final int TOP = 50;

	private static final int BOTTOM = 60;

	private Chart() {
	}

	static void write(Path file, String title, List<Series> series) throws IOException {
		System.setProperty("java.awt.headless", "true");
		double maxX = 1;
		double minY = 1;
		double maxY = 10;
		for (Series s : series) {
			for (double[] p : s.points()) {
				maxX = Math.max(maxX, p[0]);
				minY = Math.min(minY, Math.max(0.01, p[1]));
				maxY = Math.max(maxY, p[1]);
			}
		}
		maxX = niceCeil(maxX * 1.1);
		double logMin = Math.floor(Math.log10(minY));
		double logMax = Math.ceil(Math.log10(maxY));
		BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, W, H);
		int pw = W - LEFT - RIGHT;
		int ph = H - TOP - BOTTOM;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		for (double d = logMin; d <= logMax; d++) {
			int y = TOP + ph - (int) ((d - logMin) / (logMax - logMin) * ph);
			g.setColor(new Color(225, 225, 225));
			g.drawLine(LEFT, y, LEFT + pw, y);
			g.setColor(Color.DARK_GRAY);
			double v = Math.pow(10, d);
			g.drawString((v >= 1 ? String.format("%.0f", v) : String.format("%.2f", v)) + " ms", 10, y + 4);
		}
		for (int i = 0; i <= 5; i++) {
			int x = LEFT + pw * i / 5;
			g.setColor(new Color(225, 225, 225));
			g.drawLine(x, TOP, x, TOP + ph);
			g.setColor(Color.DARK_GRAY);
			g.drawString(String.format("%,.0f", maxX * i / 5), x - 15, TOP + ph + 18);
		}
		g.setColor(Color.BLACK);
		g.drawRect(LEFT, TOP, pw, ph);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString(title, LEFT, 28);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.drawString("delivered messages / s", LEFT + pw / 2 - 60, H - 18);
		int legendY = TOP + 10;
		for (Series s : series) {
			g.setColor(s.color());
			g.setStroke(new BasicStroke(2f));
			int[] prev = null;
			for (double[] p : s.points()) {
				int x = LEFT + (int) (p[0] / maxX * pw);
				double ly = Math.log10(Math.max(Math.pow(10, logMin), p[1]));
				int y = TOP + ph - (int) ((ly - logMin) / (logMax - logMin) * ph);
				g.fillOval(x - 4, y - 4, 8, 8);
				if (s.line() && prev != null) {
					g.drawLine(prev[0], prev[1], x, y);
				}
				prev = new int[] { x, y };
			}
			g.fillRect(LEFT + pw + 15, legendY - 8, 12, 8);
			g.setColor(Color.BLACK);
			g.drawString(s.name(), LEFT + pw + 32, legendY);
			legendY += 18;
		}
		g.dispose();
		ImageIO.write(img, "png", file.toFile());
	}

	private static double niceCeil(double v) {
		double p = Math.pow(10, Math.floor(Math.log10(v)));
		for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (m * p >= v) {
				return m * p;
			}
		}
		return 10 * p;
	}

}
