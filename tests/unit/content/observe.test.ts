// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observe } from '../../../lib/content/observe';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('observe', () => {
  it('hands over existing and later-added matches, each once', async () => {
    document.body.innerHTML = '<div class="card" id="a"></div><div class="other"></div>';
    const seen: string[] = [];
    const controller = new AbortController();
    observe('.card', (el) => seen.push(el.id), { signal: controller.signal });
    expect(seen).toEqual(['a']);

    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div class="card" id="b"><div class="card" id="c"></div></div>';
    document.body.append(wrapper);
    const direct = document.createElement('div');
    direct.className = 'card';
    direct.id = 'd';
    document.body.append(direct);
    await flush();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);

    // Moving an element (remove + insert) does not hand it over again.
    document.body.append(direct);
    await flush();
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    controller.abort();
  });

  it('is harmless to run twice with the same callback', async () => {
    document.body.innerHTML = '<div class="card"></div><div class="card"></div>';
    const callback = vi.fn();
    const controller = new AbortController();
    observe('.card', callback, { signal: controller.signal });
    observe('.card', callback, { signal: controller.signal });
    document.body.insertAdjacentHTML('beforeend', '<div class="card"></div>');
    await flush();
    expect(callback).toHaveBeenCalledTimes(3);
    controller.abort();
  });

  it('stops when the signal aborts', async () => {
    const callback = vi.fn();
    const controller = new AbortController();
    observe('.card', callback, { signal: controller.signal });
    controller.abort();
    document.body.insertAdjacentHTML('beforeend', '<div class="card"></div>');
    await flush();
    expect(callback).not.toHaveBeenCalled();
    observe('.card', callback, { signal: controller.signal }); // already aborted: does nothing
    expect(callback).not.toHaveBeenCalled();
  });

  it('keeps going when the callback throws for one element', async () => {
    document.body.innerHTML = '<div class="card" id="bad"></div><div class="card" id="good"></div>';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: string[] = [];
    const controller = new AbortController();
    observe(
      '.card',
      (el) => {
        if (el.id === 'bad') throw new Error('boom');
        seen.push(el.id);
      },
      { signal: controller.signal },
    );
    expect(seen).toEqual(['good']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    controller.abort();
  });
});
