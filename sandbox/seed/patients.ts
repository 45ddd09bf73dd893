// Demo patients (fictional). Two John Smiths differ by date of birth; two Maria Garcias share
// one, differing only by phone and email: the bot must ask for more to tell them apart. A
// non-patient guarantor shares David Cohen's name, birth date and home phone: only `non_patient=false`
// tells them apart.
export interface PatientSeed {
  first: string;
  last: string;
  dob: string;
  phone: string;
  email: string;
  gender: 'Female' | 'Male';
  city: string;
  zip: string;
  locations: 'brooklyn' | 'manhattan' | 'both';
  /** A guarantor on file, not a patient: cannot be booked for. */
  nonPatient?: boolean;
}

const p = (
  first: string, last: string, dob: string, phone: string, gender: PatientSeed['gender'],
  locations: PatientSeed['locations'], email?: string,
): PatientSeed => ({
  first, last, dob, phone, gender, locations,
  email: email ?? `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
  city: locations === 'manhattan' ? 'New York' : 'Brooklyn',
  zip: locations === 'manhattan' ? '10001' : '11201',
});

export const patientSeeds: PatientSeed[] = [
  p('Ana', 'Diaz', '1990-03-04', '5552013344', 'Female', 'brooklyn'),
  p('John', 'Smith', '1980-07-15', '5552017001', 'Male', 'brooklyn', 'john.smith80@example.com'),
  p('John', 'Smith', '1992-11-02', '5552017002', 'Male', 'manhattan', 'jsmith92@example.com'),
  p('Maria', 'Garcia', '1985-06-21', '5552018101', 'Female', 'brooklyn', 'maria.garcia@example.com'),
  p('Maria', 'Garcia', '1985-06-21', '5552018102', 'Female', 'manhattan', 'mgarcia.nyc@example.com'),
  p('David', 'Cohen', '1975-01-30', '5552019203', 'Male', 'brooklyn'),
  p('Grace', 'Okafor', '1988-09-12', '5552010417', 'Female', 'manhattan'),
  p('Liam', "O'Brien", '2001-12-05', '5552010528', 'Male', 'manhattan'),
  p('Priya', 'Sharma', '1994-04-18', '5552010639', 'Female', 'both'),
  p('Wei', 'Chen', '1969-08-27', '5552010740', 'Male', 'manhattan'),
  p('Fatima', 'Hassan', '1999-02-14', '5552010851', 'Female', 'brooklyn'),
  p('Michael', 'Brown', '1958-10-03', '5552010962', 'Male', 'brooklyn'),
  p('Sofia', 'Rossi', '2010-05-09', '5552011073', 'Female', 'manhattan'),
  p('James', 'Williams', '1983-03-22', '5552011184', 'Male', 'both'),
  p('Aisha', 'Johnson', '1996-07-07', '5552011295', 'Female', 'brooklyn'),
  p('Carlos', 'Martinez', '1972-11-19', '5552011306', 'Male', 'manhattan'),
  p('Emma', 'Thompson', '2005-01-11', '5552011417', 'Female', 'brooklyn'),
  p('Noah', 'Anderson', '1991-09-29', '5552011528', 'Male', 'manhattan'),
  p('Olivia', 'Nguyen', '1987-12-24', '5552011639', 'Female', 'both'),
  p('Yusuf', 'Demir', '1979-06-02', '5552011740', 'Male', 'brooklyn'),
  p('Hannah', 'Schwartz', '1964-02-28', '5552011851', 'Female', 'manhattan'),
  p('Kevin', 'Murphy', '2000-08-16', '5552011962', 'Male', 'brooklyn'),
  p('Isabella', 'Lopez', '1993-10-10', '5552012073', 'Female', 'manhattan'),
  { ...p('David', 'Cohen', '1975-01-30', '5552019203', 'Male', 'brooklyn', 'cohen.family@example.com'), nonPatient: true },
];
