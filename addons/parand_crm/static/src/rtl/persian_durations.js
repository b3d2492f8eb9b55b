/**
 * Durations in Persian: the stage duration of the pipeline's status bar ("9m" for nine
 * minutes in Odoo's narrow style), the activities' "in 3 days".
 *
 * Odoo writes durations with luxon's Duration.toHuman in the "narrow" unit style. For
 * Persian, Intl's narrow units are the Latin abbreviations (9m, 2h, 3d), so a Persian reader
 * gets the short Persian units instead ("۹ دقیقه", "۲ ساعت"). The patch of formatDuration
 * is in core/l10n/jalali_dates.js, the one file that patches @web/core/l10n/dates.
 */

const { Duration, Settings } = luxon;

/** Whether the user's language writes durations in Persian words. */
export function isPersianLocale(locale = Settings.defaultLocale) {
    return /^fa\b/i.test(locale || "");
}

/**
 * formatDuration's text for a Persian reader, or null when Odoo's own applies (another
 * language, or the full duration asked for).
 */
export function formatPersianDuration(seconds, showFullDuration) {
    if (showFullDuration || !isPersianLocale()) {
        return null;
    }
    const durationKeys = ["years", "months", "days", "hours", "minutes"];
    seconds = Math.max(seconds, 60);
    seconds -= seconds % 60;
    let duration = Duration.fromObject({ seconds }).shiftTo(...durationKeys);
    duration = duration.shiftTo(...durationKeys.filter((key) => duration.get(key)));
    // Persian separates the units with "،": only the largest one is shown here
    return duration.toHuman({ unitDisplay: "short" }).split(/[,،]/)[0].trim();
}
