/** One input text and the name it is reported under (a file path, or `<stdin>`). */
export interface InputSource {
  name: string;
  text: string;
}
