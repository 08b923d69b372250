package io.stompchat.system;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Periodic work of a component (flushing coalesced updates, sweeping expired state) on
 * its own daemon thread, started and stopped with the application context.
 */
public abstract class ScheduledWork implements SmartLifecycle {

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private volatile boolean running;

	protected ScheduledWork(String threadNamePrefix) {
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix(threadNamePrefix);
		this.scheduler.setDaemon(true);
	}

	/**
	 * Schedules the periodic tasks; called once when the context starts.
	 * @param scheduler the component's scheduler
	 */
	protected abstract void schedule(TaskScheduler scheduler);

	@Override
	public void start() {
		this.scheduler.initialize();
		schedule(this.scheduler);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.scheduler.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
