/**
 * Durations in Persian: the stage duration of the pipeline's status bar ("9m" for nine
 * minutes in Odoo's narrow style), the activities' "in 3 days".
 *
 * Odoo writes durations with luxon's Duration.toHuman in the "narrow" unit style. For
 * Persian, Intl's narrow units are the Latin abbreviations (9m, 2h, 3d), so a Persian reader
 * gets the short Persian units instead ("۹ دقیقه", "۲ ساعت"). Loaded before the web client's
 * modules (see the manifest), like the Jalali date functions, so that every caller gets it.
 */

import * as dates from "@web/core/l10n/dates";
import { patch } from "@web/core/utils/patch";

const { Duration, Settings } = luxon;

/** Whether the user's language writes durations in Persian words. */
export function isPersianLocale(locale = Settings.defaultLocale) {
    return /^fa\b/i.test(locale || "");
}

patch(dates, {
    formatDuration(seconds, showFullDuration) {
        if (showFullDuration || !isPersianLocale()) {
            return super.formatDuration(...arguments);
        }
        const durationKeys = ["years", "months", "days", "hours", "minutes"];
        seconds = Math.max(seconds, 60);
        seconds -= seconds % 60;
        let duration = Duration.fromObject({ seconds }).shiftTo(...durationKeys);
        duration = duration.shiftTo(...durationKeys.filter((key) => duration.get(key)));
        // Persian separates the units with "،": only the largest one is shown here
        return duration.toHuman({ unitDisplay: "short" }).split(/[,،]/)[0].trim();
    },
});
