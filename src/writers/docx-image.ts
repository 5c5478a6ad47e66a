// Reads the format and pixel size of a PNG or JPEG from its bytes, so the header logo keeps its proportions.

/** A raster image the DOCX header can hold. */
export interface ImageInfo {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

/** The image's format and size, or undefined when the bytes are not a PNG or JPEG whose size can be read. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    return sized('png', view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length >= 4 && view.getUint16(0) === 0xffd8) return readJpeg(view);
  return undefined;
}

function readJpeg(view: DataView): ImageInfo | undefined {
  let at = 2;
  while (at + 4 <= view.byteLength) {
    if (view.getUint8(at) !== 0xff) return undefined;
    const marker = view.getUint8(at + 1);
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > view.byteLength) return undefined;
      return sized('jpg', view.getUint16(at + 7), view.getUint16(at + 5));
    }
    at += 2 + length;
  }
  return undefined;
}

function sized(type: ImageInfo['type'], width: number, height: number): ImageInfo | undefined {
  return width > 0 && height > 0 ? { type, width, height } : undefined;
}
