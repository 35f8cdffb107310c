// SonarQube writes remediation effort as a work duration: "5min", "2h30min", "1d2h". Its `d` is a
// working day of 8 hours, not 24 (SonarQube's default `sonar.technicalDebt.hoursInDay`), so
// "1d" is 480 minutes here.

export const SONAR_MINUTES_PER_HOUR = 60;
export const SONAR_HOURS_PER_DAY = 8;
export const SONAR_MINUTES_PER_DAY = SONAR_HOURS_PER_DAY * SONAR_MINUTES_PER_HOUR;

// Each part at most 7 digits: a sum far below 2^53, and no real effort comes near it.
const DURATION = /^(?:(\d{1,7})d)?\s*(?:(\d{1,7})h)?\s*(?:(\d{1,7})min)?$/;

/** Minutes of a SonarQube duration, or null when `text` is not one. */
export function parseSonarDuration(text: string): number | null {
  const trimmed = text.trim();
  const match = DURATION.exec(trimmed);
  if (!trimmed || !match) return null;
  const [, days, hours, minutes] = match;
  if (days === undefined && hours === undefined && minutes === undefined) return null;
  return Number(days ?? 0) * SONAR_MINUTES_PER_DAY + Number(hours ?? 0) * SONAR_MINUTES_PER_HOUR + Number(minutes ?? 0);
}

/** The canonical SonarQube spelling of `minutes` (a non-negative integer): "1d2h30min", "0min". */
export function formatSonarDuration(minutes: number): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`not a duration in minutes: ${minutes}`);
  const days = Math.floor(minutes / SONAR_MINUTES_PER_DAY);
  const hours = Math.floor((minutes % SONAR_MINUTES_PER_DAY) / SONAR_MINUTES_PER_HOUR);
  const rest = minutes % SONAR_MINUTES_PER_HOUR;
  const parts = [days ? `${days}d` : "", hours ? `${hours}h` : "", rest ? `${rest}min` : ""].join("");
  return parts || "0min";
}

/** Working days of `minutes`, rounded up to two decimals and never below 0.01 (a debt item's fix takes time). */
export function sonarDays(minutes: number): number {
  // integer arithmetic up to the one division: a true fraction never rounds across a hundredth
  return Math.max(1, Math.ceil((minutes * 100) / SONAR_MINUTES_PER_DAY)) / 100;
}
