/**
 * Dates of the chatter and the messaging menu in the user's calendar.
 *
 * Activities and tracking values go through @web/core/l10n/dates (already Jalali); messages,
 * their day separators, scheduled messages and the messaging menu call luxon's
 * toLocaleString themselves: they are written here in the user's calendar (Intl's Persian
 * calendar for a Jalali user), keeping Odoo's own formats.
 */

import { Message } from "@mail/core/common/message_model";
import { NotificationItem } from "@mail/core/public_web/notification_item";
import { ScheduledMessage } from "@mail/chatter/web/scheduled_message";
import { isToday } from "@mail/utils/common/dates";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { inUserCalendar, jalaliSettings } from "@parand_crm/core/l10n/jalali_dates";

const { DateTime } = luxon;

patch(Message.prototype, {
    get dateDay() {
        if (!jalaliSettings.enabled) {
            return super.dateDay;
        }
        const day = inUserCalendar(this.datetime).toLocaleString(DateTime.DATE_FULL);
        const today = inUserCalendar(DateTime.now()).toLocaleString(DateTime.DATE_FULL);
        return day === today ? _t("Today") : day;
    },
    get datetimeShort() {
        if (!jalaliSettings.enabled) {
            return super.datetimeShort;
        }
        return inUserCalendar(this.datetime).toLocaleString(DateTime.DATETIME_SHORT_WITH_SECONDS);
    },
});

patch(NotificationItem.prototype, {
    get dateText() {
        const { datetime } = this.props;
        if (!jalaliSettings.enabled || !datetime || isToday(datetime)) {
            return super.dateText; // today's messages show their time
        }
        return inUserCalendar(datetime).toLocaleString(DateTime.DATE_MED);
    },
});

patch(ScheduledMessage.prototype, {
    get scheduledDate() {
        if (!jalaliSettings.enabled) {
            return super.scheduledDate;
        }
        return inUserCalendar(this.props.scheduledMessage.scheduled_date).toLocaleString(
            DateTime.DATETIME_SHORT
        );
    },
});
