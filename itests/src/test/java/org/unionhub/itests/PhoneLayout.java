package org.unionhub.itests;

import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A member screen as a phone with its font size raised shows it, checked by the elements' geometry (issue 21: "every
 * screen usable with the phone's font size raised to 150 %"). Chromium has no phone-wide text scale to switch on, so
 * every element's computed font size and pixel line height are multiplied, as Android's font scale does to the
 * text of a page; then nothing may be cut off, run beyond the screen's width, lie under the tab bar at the bottom
 * of the page, or be a control the tab bar covers when it is scrolled into view.
 */
final class PhoneLayout {

    private static final String SCALE = """
            const scale = arguments[0];
            const all = [...document.querySelectorAll('body *')];
            const before = all.map(e => { const c = getComputedStyle(e); return [parseFloat(c.fontSize), c.lineHeight]; });
            all.forEach((e, i) => {
              e.style.setProperty('font-size', (before[i][0] * scale) + 'px', 'important');
              if (before[i][1].endsWith('px')) e.style.setProperty('line-height', (parseFloat(before[i][1]) * scale) + 'px', 'important');
            });
            """;

    private static final String CHECK = """
            const problems = [];
            const W = document.documentElement.clientWidth, H = innerHeight;
            const bar = document.querySelector('.van-tabbar');
            const name = e => (e.id ? '#' + e.id : e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim()
              ? '.' + e.className.trim().split(/\\s+/)[0] : '')) + ' "' + (e.textContent || '').trim().slice(0, 24) + '"';
            const shown = e => { const r = e.getBoundingClientRect(); const c = getComputedStyle(e);
              return r.width > 0 && r.height > 0 && c.visibility !== 'hidden' && !e.closest('[aria-hidden="true"]'); };
            const texts = [...document.querySelectorAll('#app *')].filter(e => shown(e)
              && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
            for (const e of texts) {
              const r = e.getBoundingClientRect(), c = getComputedStyle(e);
              if (r.left < -1 || r.right > W + 1) problems.push('beyond the width of the screen: ' + name(e));
              if (c.display !== 'inline' && c.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) problems.push('cut off: ' + name(e));
              if (c.display !== 'inline' && c.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1) problems.push('cut off below: ' + name(e));
              // (an unread badge pokes out above its icon by design, and stays whole)
              if (bar && bar.contains(e) && (r.bottom > H + 1 || (r.top < bar.getBoundingClientRect().top - 1 && !e.closest('.van-badge'))))
                problems.push('beyond the tab bar: ' + name(e));
            }
            // the bottom of the page: nothing of it may stay under the tab bar
            window.scrollTo(0, document.documentElement.scrollHeight);
            const barTop = bar ? bar.getBoundingClientRect().top : H;
            for (const e of texts) {
              if (bar && bar.contains(e) || getComputedStyle(e).position === 'fixed' || e.closest('.van-popup, .van-toast')) continue;
              const r = e.getBoundingClientRect();
              if (r.bottom > barTop + 1 && r.top < H) problems.push('under the tab bar at the bottom of the page: ' + name(e));
            }
            // every control scrolled into view is the element a tap there reaches
            const controls = [...document.querySelectorAll('#app button, #app a, #app input, #app textarea, #app [role=button], '
              + '#app [role=radio], #app [role=checkbox], #app .van-cell--clickable, #app .van-grid-item__content, #app [role=tab]')]
              .filter(e => shown(e) && !(bar && bar.contains(e)));
            for (const e of controls) {
              e.scrollIntoView({ block: 'center' });
              const r = e.getBoundingClientRect();
              const x = Math.min(Math.max(r.left + r.width / 2, 0), W - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), H - 1);
              const hit = document.elementFromPoint(x, y);
              // an uploader's transparent file input lies over its own trigger on purpose: the tap reaches the input
              const trigger = hit && hit.matches('input[type=file]') && hit.parentElement && hit.parentElement.contains(e);
              if (!hit || !(e.contains(hit) || hit.contains(e) || trigger)) problems.push('covered (' + (hit ? name(hit) : 'nothing') + '): ' + name(e));
            }
            window.scrollTo(0, 0);
            return [...new Set(problems)];
            """;

    private PhoneLayout() {
    }

    /** Raises every text's size by {@code factor} (1.5 for 150 %), as the phone's font setting would. */
    static void raiseFontSize(WebDriver driver, double factor) {
        ((JavascriptExecutor) driver).executeScript(SCALE, factor);
    }

    /** What is cut off, beyond the screen or under the tab bar, one line each; empty when the screen is usable. */
    static List<String> problems(WebDriver driver) {
        List<String> found = new ArrayList<>();
        for (Object o : (List<?>) ((JavascriptExecutor) driver).executeScript(CHECK)) {
            found.add(String.valueOf(o));
        }
        return found;
    }
}
